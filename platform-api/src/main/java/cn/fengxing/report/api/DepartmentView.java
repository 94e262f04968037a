package cn.fengxing.report.api;

import cn.fengxing.report.entity.Department;

import java.util.List;

public record DepartmentView(long id, String code, String name, List<DepartmentInput.Contact> contacts,
                             boolean active) {

    public static DepartmentView of(Department d) {
        return new DepartmentView(d.id, d.code, d.name, d.contacts.stream()
                .map(c -> new DepartmentInput.Contact(c.get("name"), c.get("phone"), c.get("duty"))).toList(), d.active);
    }
}

package cn.fengxing.report.api;

import cn.fengxing.report.entity.ReportCategory;

public record CategoryView(long id, String code, String nameZh, String nameEn, Long parentId, String parent,
                           boolean urgent, boolean emergencyStop, String hotlineText, boolean active, int sortOrder,
                           String comparisonGroup) {

    public static CategoryView of(ReportCategory c, String parentCode) {
        return new CategoryView(c.id, c.code, c.nameZh, c.nameEn, c.parentId, parentCode, c.urgent, c.emergencyStop,
                c.hotlineText, c.active, c.sortOrder, c.comparisonGroup);
    }
}

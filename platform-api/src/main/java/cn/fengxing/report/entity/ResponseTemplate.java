package cn.fengxing.report.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The township's own wording of the message a rider gets when a report reaches a state. Tenant data. */
@Entity
@Table(name = "response_template")
public class ResponseTemplate extends TenantEntity {

    public String state;

    /** {@code zh} or {@code en}. */
    public String locale;

    public String text;
}

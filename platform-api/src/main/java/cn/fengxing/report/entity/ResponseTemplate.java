package cn.fengxing.report.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

/** The township's own wording of the message a rider gets when a report reaches a state. Tenant data. */
@Entity
@Table(name = "response_template")
public class ResponseTemplate extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String state;

    /** {@code zh} or {@code en}. */
    public String locale;

    public String text;
}

package cn.fengxing.epass.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/** A friendly community an e-pass opens. Tenant data. */
@Entity
@Table(name = "epass_community")
public class EpassCommunity extends PanacheEntityBase {

    @TenantId
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "epass_id")
    public UUID epassId;

    @Column(name = "friendly_community_id")
    public Long friendlyCommunityId;
}

package cn.fengxing.epass.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** A friendly community an e-pass opens. Tenant data. */
@Entity
@Table(name = "epass_community")
public class EpassCommunity extends TenantEntity {

    @Column(name = "epass_id")
    public UUID epassId;

    @Column(name = "friendly_community_id")
    public Long friendlyCommunityId;
}

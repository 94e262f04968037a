package cn.fengxing.rider.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A rider 骑手 (流动网格员) of a township: a courier or food-delivery rider who joined. Tenant data. */
@Entity
@Table(name = "rider")
public class Rider extends TenantEntity {

    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";
    public static final String LEFT = "left";

    /** OIDC subject, once the rider signed in (imported riders have none until then). */
    public String subject;

    public String name;

    /** Personal data: shown masked, revealed only to tenant admins, each reveal audited. */
    public String phone;

    /** Personal data, like {@link #phone}. */
    @Column(name = "id_number")
    public String idNumber;

    /** Delivery platform code (美团 meituan, 饿了么 eleme, 顺丰 sf …). */
    public String platform;

    /** Station or depot the rider works from. */
    public String depot;

    public String status = PENDING;

    @Column(name = "squad_id")
    public Long squadId;

    @Column(name = "party_member")
    public boolean partyMember;

    public boolean volunteer;

    /** Enrolment: when the rider joined the township's programme (a manifest's roster may date it in the past). */
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    /**
     * A pending registration without proof of the phone: the imported rider (same phone) this person
     * claims to be. The admin's approval binds them; until then it is no rider of its own.
     */
    @Column(name = "claims_rider_id")
    public Long claimsRiderId;

    public static Optional<Rider> bySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** The rider with this phone (claims carry the phone of the rider they claim and are left out). */
    public static Optional<Rider> byPhone(String phone) {
        return find("phone = ?1 and claimsRiderId is null", phone).firstResultOptional();
    }
}

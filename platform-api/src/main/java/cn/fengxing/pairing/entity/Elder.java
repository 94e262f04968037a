package cn.fengxing.pairing.entity;

import cn.fengxing.tenancy.entity.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A lone elder 独居老人 riders look in on. Name, address, phones and family contact are personal data: masked in
 * lists, shown whole only through an audited reveal; a paired rider sees the given name, address, landmark and door.
 */
@Entity
@Table(name = "elder")
public class Elder extends TenantEntity {

    @Column(name = "community_id")
    public long communityId;

    @Column(name = "family_name")
    public String familyName;

    /** All a rider sees of the name. */
    @Column(name = "given_name")
    public String givenName;

    public String address;

    /** WGS84, or none. */
    public Double lon;
    public Double lat;

    public String phone;

    @Column(name = "family_contact_name")
    public String familyContactName;

    @Column(name = "family_contact_phone")
    public String familyContactPhone;

    /** How a rider finds the door. */
    public String landmark;

    @Column(name = "door_photo_key")
    public String doorPhotoKey;

    @Column(name = "door_photo_width")
    public Integer doorPhotoWidth;

    @Column(name = "door_photo_height")
    public Integer doorPhotoHeight;

    /** For staff only. */
    public String notes;

    /** False once the elder moved away, passed away or went into care. */
    public boolean active = true;

    /** history:key for a manifest's history, else none. */
    public String source;

    @Column(name = "created_at")
    public OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt = OffsetDateTime.now();
}

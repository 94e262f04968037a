package cn.fengxing.identity.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/**
 * A regional role: region_viewer over a province/city/county path (省/市/县 staff comparing
 * districts), or platform_operator over the whole platform (empty path).
 */
@Entity
@Table(name = "region_grant")
public class RegionGrant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String subject;

    @Column(name = "region_path")
    public String regionPath;

    public String role;

    /** The grantee's name, family name first; null until given or until their first sign-in. */
    public String name;

    public static List<RegionGrant> of(String subject) {
        return list("subject = ?1 order by regionPath, role", subject);
    }
}

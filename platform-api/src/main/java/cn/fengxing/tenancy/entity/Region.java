package cn.fengxing.tenancy.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/** A province 省, city 市 or county 县/区, identified by its path ("山西省/吕梁市/中阳县"). Platform data. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    public static final String SEPARATOR = "/";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String path;

    public String name;

    public short level;

    @Column(name = "parent_id")
    public Long parentId;

    public static Optional<Region> byPath(String path) {
        return find("path", path).firstResultOptional();
    }
}

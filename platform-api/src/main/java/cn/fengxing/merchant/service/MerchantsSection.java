package cn.fengxing.merchant.service;

import cn.fengxing.merchant.api.MerchantInput;
import cn.fengxing.tenancy.service.ManifestSection;
import cn.fengxing.tenancy.service.SectionReader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Manifest section {@code merchants}: partner merchants as the API takes them, matched by code (after stations). */
@ApplicationScoped
public class MerchantsSection implements ManifestSection {

    @Inject
    SectionReader reader;

    @Inject
    MerchantService merchants;

    @Override
    public String key() {
        return "merchants";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public List<String> apply(JsonNode section) {
        return merchants.apply(reader.list(key(), section, MerchantInput.class));
    }
}

package cn.fengxing.merchant.api;

/** A partner merchant near the rider, with the distance in metres (great circle). */
public record NearbyMerchant(MerchantView merchant, long distanceMetres) {
}

package cn.fengxing.rider.api;

import java.util.Arrays;
import java.util.List;

/** What the sign-up and rider screens offer: the delivery platforms and the optional fields switched on. */
public record RiderOptions(List<PlatformOption> platforms, RiderFields fields) {

    public record PlatformOption(String code, String nameZh, String nameEn) {
    }

    public static RiderOptions of(RiderFields fields) {
        return new RiderOptions(Arrays.stream(Platform.values())
                .map(p -> new PlatformOption(p.code(), p.nameZh, p.nameEn)).toList(), fields);
    }
}

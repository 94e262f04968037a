package cn.fengxing.admin.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A demo manifest's rider roster for the history generators: riders are drawn at random among those who had joined
 * by the day of what they do (the manifest's {@code joinedDaysAgo}; none: joined before any history).
 */
final class DemoRoster {

    /**
     * 北大街's 美团 depot: its riders joined the roster for the insurance drive 大病医疗保险 (the care history) and take
     * no part in the programme's other histories (reports, points, visits).
     */
    static final String INSURANCE_DRIVE_DEPOT = "美团北大街配送站";

    final List<String> phones = new ArrayList<>();
    private final Map<String, Integer> joined = new HashMap<>();

    DemoRoster(JsonNode riders) {
        this(riders, false);
    }

    /** The roster; {@code everyone}: with the riders of the insurance drive too (the care history). */
    DemoRoster(JsonNode riders, boolean everyone) {
        riders.forEach(r -> {
            if (!everyone && INSURANCE_DRIVE_DEPOT.equals(r.path("depot").asText())) {
                return;
            }
            phones.add(r.path("phone").asText());
            joined.put(r.path("phone").asText(), r.path("joinedDaysAgo").asInt(Integer.MAX_VALUE));
        });
    }

    /** The day the rider joined, in days before the manifest is first applied. */
    int joinedDaysAgo(String phone) {
        return joined.get(phone);
    }

    /** Whether the rider had joined {@code daysAgo} days ago. */
    boolean joinedBefore(String phone, int daysAgo) {
        return joined.get(phone) > daysAgo;
    }

    /** A rider drawn at random, or the next one of the roster after who had joined before that day. */
    String draw(Random random, long daysAgo) {
        int first = random.nextInt(phones.size());
        for (int k = 0; k < phones.size(); k++) {
            String phone = phones.get((first + k) % phones.size());
            if (joined.get(phone) > daysAgo) {
                return phone;
            }
        }
        throw new IllegalStateException("no rider had joined " + daysAgo + " days ago");
    }
}

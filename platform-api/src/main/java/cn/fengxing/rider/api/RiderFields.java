package cn.fengxing.rider.api;

/**
 * Optional rider fields a township may switch on (settings {@code riders.partyMemberField},
 * {@code riders.volunteerField}): party membership 党员 and the volunteer team 志愿者.
 */
public record RiderFields(boolean partyMember, boolean volunteer) {
}

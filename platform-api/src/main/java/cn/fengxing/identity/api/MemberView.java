package cn.fengxing.identity.api;

import java.util.List;

/** A member of a township as its admins and dispatchers pick them: who, their name there, their roles there. */
public record MemberView(String subject, String name, List<String> roles) {
}

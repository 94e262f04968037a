package cn.fengxing.audit.api;

/** Who acted, as people reading the audit log tell them apart. */
public enum ActorKind {
    /** A member of the township, named by their membership. */
    member,
    /** Platform operations (a platform operator who is not a member). */
    operator,
    /** Unattended work (deadlines, imports run by the platform itself). */
    system,
    /** Anyone else: no longer known to the township. */
    other
}

package cn.fengxing.common;

import cn.fengxing.identity.Role;

/** What LayeringTest must refuse: a class of common using identity, a package above it. */
public final class UpwardImportExample {

    public Role role = Role.RIDER;
}

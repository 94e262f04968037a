package cn.fengxing.station.api;

import cn.fengxing.station.api.StationSettingsView.Amenity;
import cn.fengxing.station.api.StationSettingsView.Grade;
import cn.fengxing.station.api.StationSettingsView.Service;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Manifest section {@code stationSettings}: any of the three lists; a list given replaces the township's. */
public record StationSettingsSpec(@Size(max = 3) List<@Valid @NotNull Grade> grades,
                                  @Size(max = 100) List<@Valid @NotNull Amenity> amenities,
                                  @Size(max = 100) List<@Valid @NotNull Service> services) {
}

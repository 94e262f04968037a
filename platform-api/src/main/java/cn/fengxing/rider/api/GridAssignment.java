package cn.fengxing.rider.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The grids a rider is assigned to, replacing the previous assignment. */
public record GridAssignment(@NotNull @Size(max = 100) List<@NotNull Long> gridIds) {
}

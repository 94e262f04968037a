package cn.fengxing.grid.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The grid workers a grid should have (replaces the current ones). */
public record GridWorkersInput(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 255) String> subjects) {
}

package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.minyi.MinYiSettings;
import org.minyi.index.MessageIndex;
import org.minyi.web.security.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dashboard aggregates the other endpoints do not give: reply timeliness by department. */
@RestController
@RequestMapping("/api")
@Tag(name = "insight")
class DashboardController {

    private final MessageIndex index;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    DashboardController(MessageIndex index, MinYiSettings settings, Jurisdictions jurisdictions) {
        this.index = index;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/timeliness")
    @Operation(summary = "Share of replied messages answered within 1, 7 and 30 days, by replying agency",
            description = "Only messages with a dated reply count; a reply dated before its message counts as "
                    + "immediate. The first line is the total over all agencies.")
    ReplyTimeliness.Report timeliness(
            @ParameterObject FilterRequest filter,
            @Parameter(description = "agencies listed at most") @RequestParam(defaultValue = "15") int limit,
            Authentication caller) {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be 1..200, was " + limit);
        }
        return new ReplyTimeliness(jurisdictions.index(index, caller)).measure(filter.toFilter(settings.zone()), limit);
    }
}

package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.minyi.MinYiSettings;
import org.minyi.index.MessageIndex;
import org.minyi.insight.DemandMap;
import org.minyi.insight.RegionHierarchy;
import org.minyi.insight.SatisfactionIndex;
import org.minyi.insight.forecast.DemandForecast;
import org.minyi.insight.forecast.PeriodCounts;
import org.minyi.web.security.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public-service demand map ({@link DemandMap}) over the caller's jurisdiction. */
@RestController
@RequestMapping("/api")
@Tag(name = "insight")
class DemandMapController {

    private final MessageIndex index;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    DemandMapController(MessageIndex index, MinYiSettings settings, Jurisdictions jurisdictions) {
        this.index = index;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/demand-map")
    @Operation(summary = "Demand map: service domain × stage | group | region | area | month",
            description = "Per cell count, share of the domain, mean attitude, reply rate, median reply delay and"
                    + " work-order satisfaction; the urban–rural gap per domain (rates per 1,000, ratio with a 95 %"
                    + " interval); blind spots (Poisson test against row × column margins) and slow or rare replies."
                    + " Each cell carries the search parameters that open its messages.")
    DemandMap.Answer demandMap(@ParameterObject FilterRequest filter,
                               @RequestParam(defaultValue = "stage") String columns,
                               @RequestParam(defaultValue = "county") String level,
                               @RequestParam(defaultValue = "0.01") double alpha,
                               @RequestParam(defaultValue = "5") double minExpected,
                               @RequestParam(defaultValue = "10") long minCount,
                               Authentication caller, HttpServletRequest request) {
        return new DemandMap(jurisdictions.index(index, caller), settings.zone()).build(
                filter.toFilter(settings.zone()), DemandMap.Columns.parse(columns),
                RegionHierarchy.Level.parse(level), new DemandMap.Settings(alpha, minExpected, minCount),
                Language.of(request));
    }

    @GetMapping("/demand-map/satisfaction")
    @Operation(summary = "满意度 index per department or service domain, ranked, with its parts and formula")
    SatisfactionIndex.Answer satisfaction(@ParameterObject FilterRequest filter,
                                          @RequestParam(defaultValue = "department") String by,
                                          @RequestParam(defaultValue = "10") long minMessages,
                                          Authentication caller, HttpServletRequest request) {
        return SatisfactionIndex.of(jurisdictions.index(index, caller), filter.toFilter(settings.zone()),
                SatisfactionIndex.By.parse(by), minMessages, Language.of(request));
    }

    @GetMapping("/demand-map/forecast")
    @Operation(summary = "Weekly or monthly counts per service domain or region with the forecast ahead and 80/95 %"
            + " bands", description = "by=region forecasts the districts and counties with at least "
            + DemandForecast.MIN_REGION_PER_WEEK + " messages a week on average (left counts the others);"
            + " domains caps the number of series, largest first. The method text follows the page language.")
    DemandForecast.Answer forecast(@ParameterObject FilterRequest filter,
                                   @RequestParam(defaultValue = "week") String interval,
                                   @RequestParam(defaultValue = "domain") String by,
                                   @RequestParam(defaultValue = "4") int horizon,
                                   @RequestParam(defaultValue = "6") int domains,
                                   Authentication caller, HttpServletRequest request) {
        if (horizon < 1 || horizon > 52 || domains < 1 || domains > 50) {
            throw new IllegalArgumentException("horizon must be 1..52 and domains 1..50");
        }
        return DemandForecast.of(jurisdictions.index(index, caller), filter.toFilter(settings.zone()),
                PeriodCounts.Interval.parse(interval), settings.zone(), horizon, domains, PeriodCounts.By.parse(by),
                Language.of(request));
    }
}

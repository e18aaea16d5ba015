/**
 * Insight over many messages: hot issues and demand.
 *
 * <ul>
 *   <li>{@link org.minyi.insight.HotspotDetector} groups analysed messages into issues and scores them
 *       ({@link org.minyi.insight.Hotspot}, {@link org.minyi.insight.HeatIndex}, {@link org.minyi.insight.Burst});
 *       it works on plain lists.</li>
 *   <li>{@link org.minyi.insight.Hotspots} reads a period from a {@link org.minyi.index.MessageIndex} and detects;
 *       {@link org.minyi.insight.HotspotReport} prints hotspots for people.</li>
 *   <li>{@link org.minyi.insight.DemandInsight}: top demands per topic and region, the region × topic matrix and
 *       possible blind spots.</li>
 * </ul>
 */
package org.minyi.insight;

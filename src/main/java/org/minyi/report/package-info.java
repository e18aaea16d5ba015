/**
 * Leader briefings (日报 / 周报 / 月报 / 专报): a {@link org.minyi.report.Briefing} of sections whose every figure carries
 * the API query that yields it ({@link org.minyi.report.FigureQuery}), built from the index by
 * {@link org.minyi.report.BriefingBuilder} with template sentences ({@link org.minyi.report.Sentences}), and rendered
 * as HTML from an operator-editable template, PDF (from that HTML) and DOCX.
 */
package org.minyi.report;

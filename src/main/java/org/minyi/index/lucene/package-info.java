/**
 * The embedded, default {@link org.minyi.index.MessageIndex}: Apache Lucene in a folder, no server, no
 * configuration. Open it with {@link org.minyi.index.lucene.LuceneMessageIndex#open}; catch
 * {@link org.minyi.index.lucene.IndexLockedException} to tell the user another MinYi has the folder, and
 * {@link org.minyi.index.lucene.IndexCorruptedException} for an index that cannot be read.
 *
 * <p>Everything else is package-private: how a message becomes a document ({@code MessageDocuments}), how a filter
 * becomes a query ({@code MessageQueries}), counting values from doc values ({@code ValueCounts},
 * {@code GlobalOrdinals}), trends ({@code TrendAggregation}, {@code LocalDays}) and highlighting
 * ({@code HitHighlighter}).
 */
package org.minyi.index.lucene;

package org.minyi.cli;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code minyi.data-dir} at the attachment-3 data folder ({@link AttachmentThreeIndex#DATA}) for each test of
 * a class marked {@code @ExtendWith(AttachmentThreeData.class)}, and puts back whatever it was after, so that
 * {@code MinYiSettings.fromSystemProperties()} and {@link AttachmentThreeIndex#ensure()} work on that index and the
 * tests after it do not.
 */
final class AttachmentThreeData implements BeforeEachCallback, AfterEachCallback {

    private static final String PROPERTY = "minyi.data-dir";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            AttachmentThreeData.class);
    /** What the property held before, kept in the test's store (absent: it was not set). */
    private static final String PREVIOUS = "previous";

    @Override
    public void beforeEach(ExtensionContext context) {
        String previous = System.getProperty(PROPERTY);
        if (previous != null) {
            context.getStore(NAMESPACE).put(PREVIOUS, previous);
        }
        System.setProperty(PROPERTY, AttachmentThreeIndex.DATA.toAbsolutePath().toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String previous = context.getStore(NAMESPACE).remove(PREVIOUS, String.class);
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
    }
}

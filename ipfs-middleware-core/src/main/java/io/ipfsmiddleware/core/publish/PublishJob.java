package io.ipfsmiddleware.core.publish;

import io.ipfsmiddleware.api.model.RepositoryName;
import io.ipfsmiddleware.core.layout.LayoutIndex;
import java.util.Objects;

/**
 * One source to publish under one name.
 *
 * @param source where the images come from
 * @param name the image name in the tree, e.g. {@code alpine} or {@code team/app} (lowercase
 *     repository-name grammar); the layout goes to {@code <tree>/<name>/}
 * @param tag the tag to give the source's one image, or {@code null} to keep the tags the
 *     source gives its images
 */
public record PublishJob(ImageSource source, String name, String tag) {
    /** Checks name and tag. */
    public PublishJob {
        Objects.requireNonNull(source, "source");
        if (!RepositoryName.isValid(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid image name (lowercase letters and digits, "
                    + "optionally joined by '.', '_' or '-', in '/'-separated components)");
        }
        if (tag != null && !LayoutIndex.isTag(tag)) {
            throw new IllegalArgumentException("'" + tag + "' is not a valid tag");
        }
    }

    /**
     * @param source where the images come from
     * @param nameAndTag {@code NAME:TAG}, or {@code NAME} to keep the source's tags
     * @return the job
     */
    public static PublishJob of(ImageSource source, String nameAndTag) {
        int colon = nameAndTag.lastIndexOf(':');
        if (colon > nameAndTag.lastIndexOf('/')) {
            return new PublishJob(source, nameAndTag.substring(0, colon), nameAndTag.substring(colon + 1));
        }
        return new PublishJob(source, nameAndTag, null);
    }
}

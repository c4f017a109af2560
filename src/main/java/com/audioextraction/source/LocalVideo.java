package com.audioextraction.source;

import java.nio.file.Path;

/**
 * A video on the local disk, found under the bucket root.
 *
 * @param savepath what the request asked for
 * @param realPath its real path (links resolved) when it was found; opened and checked again by {@link LocalFileOpener}
 */
public record LocalVideo(String savepath, Path realPath) implements VideoLocation {
}

package com.audioextraction.source;

/**
 * Where a request's video is, once its path has passed the rules: a file under the bucket root or
 * an object in the S3 store. Nothing is opened yet; that happens once the work has its slot
 * ({@link LocalFileOpener}, or a presigned URL for an {@link S3Object}: the open-video route).
 */
public sealed interface VideoLocation permits LocalVideo, S3Object {

    /** What the request asked for, for messages. */
    String savepath();
}

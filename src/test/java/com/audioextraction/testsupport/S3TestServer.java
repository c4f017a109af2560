package com.audioextraction.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.util.FileUtil;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;

/**
 * A real S3 server in the test JVM: s3proxy 2.6.0 over a filesystem blob store, with fixed
 * credentials, on a free loopback port. The service talks to it through a small TCP relay that
 * counts the bytes the store sends, so a test can tell how much of an object was read (the
 * presigned URLs are signed for the relay's address, which the relay passes through unchanged).
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "audio-test-access";
    public static final String SECRET_KEY = "audio-test-secret-5f2c9a";

    private static final int RELAY_BUFFER = 64 * 1024;

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final ServerSocket relay;
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private S3TestServer(Path baseDir) throws Exception {
        FileUtil.removeDir(baseDir.toFile());
        baseDir.toFile().mkdirs();
        Properties settings = new Properties();
        settings.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        blobs = ContextBuilder.newBuilder("filesystem-nio2").overrides(settings).credentials("local", "local")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::relayConnections, "s3-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server keeping its objects under {@code baseDir} (emptied first). */
    public static S3TestServer start(Path baseDir) throws Exception {
        return new S3TestServer(baseDir.toAbsolutePath());
    }

    /** What the service is configured with: the relay in front of s3proxy. */
    public String endpoint() {
        return "http://127.0.0.1:" + relay.getLocalPort();
    }

    public BlobStore blobStore() {
        return blobs.getBlobStore();
    }

    public void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    public void upload(String bucket, String key, Path file) {
        createBucket(bucket);
        blobStore().putBlob(bucket, blobStore().blobBuilder(key).payload(file.toFile()).build());
    }

    /** The object's bytes, or null when there is none. */
    public byte[] download(String bucket, String key) throws IOException {
        Blob blob = blobStore().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    public boolean exists(String bucket, String key) {
        return blobStore().containerExists(bucket) && blobStore().blobExists(bucket, key);
    }

    /** Bytes the store has sent to the service so far (requests, headers and bodies). */
    public long bytesServed() {
        return bytesServed.get();
    }

    /** Connections the service has opened to the store so far. */
    public long connections() {
        return connections.get();
    }

    private void relayConnections() {
        while (!relay.isClosed()) {
            try {
                Socket client = relay.accept();
                connections.incrementAndGet();
                // small buffers: the count is close to what the reader took, not what loopback's large
                // buffers held when it hung up (over a network, the TCP window plays that part)
                client.setSendBufferSize(RELAY_BUFFER);
                Socket server = new Socket();
                server.setReceiveBufferSize(RELAY_BUFFER);
                server.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.getPort()));
                pump(client.getInputStream(), server.getOutputStream(), null, client, server);
                pump(server.getInputStream(), client.getOutputStream(), bytesServed, client, server);
            } catch (IOException e) {
                // relay closed
            }
        }
    }

    private static void pump(InputStream in, OutputStream out, AtomicLong counter, Socket a, Socket b) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    if (counter != null) {
                        counter.addAndGet(n);
                    }
                }
            } catch (IOException e) {
                // one side hung up
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "s3-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws Exception {
        relay.close();
        proxy.stop();
        blobs.close();
    }
}

package com.audioextraction.health;

import com.audioextraction.AfterConfiguration;
import com.audioextraction.ffmpeg.FfmpegBinary;
import com.audioextraction.http.ServiceGate;
import com.audioextraction.s3.S3Connection;
import com.audioextraction.source.SourceResolver;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.spi.Registry;

/**
 * The readiness checks of the service's own (ffmpeg, the bucket folder or the S3 store; the broker
 * is added by the jobs) and /observe/health, which answers from them.
 */
@Configuration
public class HealthConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public HealthEndpoint healthEndpoint(CamelContext context, ServiceGate gate) throws Exception {
        HealthEndpoint health = new HealthEndpoint(context, gate);
        context.addService(health, true, true);
        return health;
    }

    @Override
    public void configure(CamelContext context) {
        AfterConfiguration.run(context, HealthConfiguration::bindChecks);
    }

    private static void bindChecks(CamelContext context) {
        Registry registry = context.getRegistry();
        registry.bind("ffmpegHealthCheck", new FfmpegHealthCheck(registry.findSingleByType(FfmpegBinary.class).path()));
        SourceResolver resolver = registry.findSingleByType(SourceResolver.class);
        if (resolver.mode() == SourceResolver.Mode.LOCAL) {
            registry.bind("bucketHealthCheck", new BucketHealthCheck(resolver.bucketRoot())); // with S3, the local root is optional
        }
        S3Connection s3 = registry.findSingleByType(S3Connection.class);
        if (s3.configured()) {
            registry.bind("s3HealthCheck", new S3HealthCheck(s3, context.resolvePropertyPlaceholders("{{audio.bucket-name}}").trim()));
        }
    }
}

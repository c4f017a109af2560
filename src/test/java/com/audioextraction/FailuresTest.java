package com.audioextraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one mapping from failures to what a caller or a job's result is told. */
class FailuresTest {

    @Test
    void aServiceErrorIsTakenAsItIsEvenWhenWrapped() {
        ApiException missing = ApiException.notFound("video not found", "no video at 'a'");
        assertEquals(missing, Failures.explain(new RuntimeCamelException(missing)));
        assertEquals("404 video not found: no video at 'a'", Failures.reason(missing));
        assertTrue(Failures.isPermanent(missing));
    }

    @Test
    void malformedJsonIsA400() {
        Exception json = assertThrows(Exception.class, () -> new ObjectMapper().readTree("{\"savepath\": "));
        assertEquals(400, Failures.explain(json).status());
        assertEquals("malformed JSON", Failures.explain(json).error());
    }

    @Test
    void anythingElseIsA500WorthRetrying() {
        ApiException unknown = Failures.explain(new java.io.IOException("disk gone"));
        assertEquals(500, unknown.status());
        assertTrue(unknown.detail().contains("disk gone"));
        assertTrue(!Failures.isPermanent(new java.io.IOException("disk gone")));
    }
}

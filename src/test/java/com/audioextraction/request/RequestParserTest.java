package com.audioextraction.request;

import com.audioextraction.ApiException;
import com.audioextraction.format.AudioFormat;
import com.audioextraction.speech.SpeechSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request JSON (a POST body, or a GET's query as strings) as a validated request, or the 400 that says why not. */
class RequestParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestParser parser = new RequestParser(AudioFormat.MP3);

    private ExtractionRequest parse(String json) throws Exception {
        return parser.parse(JSON.readTree(json), "id");
    }

    private ApiException refused(String json) {
        return assertThrows(ApiException.class, () -> parse(json));
    }

    @Test
    void takesTheDefaultFormatAndNoOptionsWhenOnlyTheSavepathIsGiven() throws Exception {
        ExtractionRequest request = parse("{\"savepath\": \"tv/a.mp4\"}");
        assertEquals("tv/a.mp4", request.savepath());
        assertEquals(AudioFormat.MP3, request.format());
        assertEquals(new ExtractionOptions(null, null, null, null, null, null, null, false, SpeechSettings.DEFAULTS),
                request.options());
    }

    @Test
    void readsNumbersFromJsonNumbersAndFromQueryStrings() throws Exception {
        ExtractionOptions fromJson = parse("{\"savepath\": \"a.mp4\", \"audio_format\": \"wav\", \"sample_rate\": 16000, "
                + "\"channels\": 1, \"start\": 1.5, \"duration\": 2, \"track\": 1}").options();
        ExtractionOptions fromQuery = parse("{\"savepath\": \"a.mp4\", \"audio_format\": \"WAV\", \"sample_rate\": \"16000\", "
                + "\"channels\": \"1\", \"start\": \"1.5\", \"duration\": \"2\", \"track\": \"1\"}").options();
        assertEquals(new ExtractionOptions(16000, 1, null, 1.5, 2.0, 1, null, false, SpeechSettings.DEFAULTS), fromJson);
        assertEquals(fromJson, fromQuery);
    }

    @Test
    void takesBitratesInBitsOrKilobits() throws Exception {
        assertEquals(128_000, parse("{\"savepath\": \"a.mp4\", \"bitrate\": \"128k\"}").options().bitrate());
        assertEquals(64_000, parse("{\"savepath\": \"a.mp4\", \"bitrate\": 64000}").options().bitrate());
        assertTrue(refused("{\"savepath\": \"a.mp4\", \"audio_format\": \"flac\", \"bitrate\": 64000}").error()
                .startsWith("bitrate does not apply"));
    }

    @Test
    void refusesWhatCannotBeExtractedNamingTheField() {
        assertEquals("savepath is required", refused("{}").error());
        assertEquals("unsupported audio_format \"ogg\"", refused("{\"savepath\": \"a\", \"audio_format\": \"ogg\"}").error());
        assertEquals("invalid duration", refused("{\"savepath\": \"a\", \"duration\": \"0.0000001\"}").error());
        assertEquals("invalid start", refused("{\"savepath\": \"a\", \"start\": \"1e400\"}").error());
        assertEquals("invalid channels", refused("{\"savepath\": \"a\", \"channels\": 3}").error());
        assertEquals("give track or language, not both", refused("{\"savepath\": \"a\", \"track\": 0, \"language\": \"en\"}").error());
        assertEquals("aac copies the source stream as it is", refused("{\"savepath\": \"a\", \"audio_format\": \"aac\", "
                + "\"sample_rate\": 16000}").error());
        assertEquals("sample_rate 11000 is not supported by mp3", refused("{\"savepath\": \"a\", \"sample_rate\": 11000}").error());
    }

    @Test
    void ignoresUnknownFieldsAsTheOriginalDid() throws Exception {
        assertNull(parse("{\"savepath\": \"a.mp4\", \"whatever\": 1}").options().language());
    }

    @Test
    void theProbeTakesOnlyTheSavepathUnderTheSameRules() throws Exception {
        JsonNode body = JSON.readTree("{\"savepath\": \"tv/a.mp4\", \"audio_format\": \"nonsense\"}");
        assertEquals("tv/a.mp4", parser.parseSavepath(body));
        assertEquals("savepath must be a string", assertThrows(ApiException.class,
                () -> parser.parseSavepath(JSON.readTree("{\"savepath\": 1}"))).error());
    }
}

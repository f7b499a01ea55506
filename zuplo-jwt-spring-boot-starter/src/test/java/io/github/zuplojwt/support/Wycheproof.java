package io.github.zuplojwt.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Reads the Project Wycheproof vector files kept in the test resources (see
 * {@code wycheproof/NOTICE.md} for their origin and licence).
 */
public final class Wycheproof {

	private Wycheproof() {
	}

	/** The test groups of a vector file, each a JSON object with its {@code tests}. */
	public static List<Map<String, Object>> groups(String file) {
		String resource = "/wycheproof/" + file;
		try (InputStream in = Wycheproof.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + resource);
			}
			Map<String, Object> json = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
					-1);
			return objects(json.get("testGroups"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("unreadable test resource " + resource, ex);
		}
	}

	/** A JSON array of objects. */
	@SuppressWarnings("unchecked")
	public static List<Map<String, Object>> objects(Object array) {
		return (List<Map<String, Object>>) array;
	}

	/** A JSON object. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> object(Object value) {
		return (Map<String, Object>) value;
	}

}

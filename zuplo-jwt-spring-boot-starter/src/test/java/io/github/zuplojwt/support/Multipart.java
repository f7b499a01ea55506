package io.github.zuplojwt.support;

import java.util.Map;

/**
 * Builds {@code multipart/form-data} bodies (RFC 7578) as a browser or an upload client
 * sends them, with a fixed boundary.
 */
public final class Multipart {

	private static final String BOUNDARY = "zuplo-test-boundary-7d3c1a";

	public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

	private Multipart() {
	}

	/** A complete body with one text part per field. */
	public static String body(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
			.append(value).append("\r\n"));
		return body.append("--").append(BOUNDARY).append("--\r\n").toString();
	}

	/**
	 * The start of a body: the given text fields, then the head of a file part whose content
	 * is still to come.
	 */
	public static String startOfUpload(Map<String, String> fields) {
		String complete = body(fields);
		String withoutClosing = complete.substring(0, complete.length() - (BOUNDARY.length() + 6));
		return withoutClosing + "--" + BOUNDARY + "\r\n"
				+ "Content-Disposition: form-data; name=\"file\"; filename=\"upload.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n";
	}

}

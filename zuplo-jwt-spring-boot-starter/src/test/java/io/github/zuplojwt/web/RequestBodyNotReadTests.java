package io.github.zuplojwt.web;

import java.util.Map;

import io.github.zuplojwt.support.EarlyResponse;
import io.github.zuplojwt.support.Multipart;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looking for the token never reads a request body: a client whose upload is still on its
 * way gets its answer at once, without a token, with a bad one or with a good one, so no
 * upload is parsed or spooled to disk for a caller the service has not authenticated yet.
 * Each request announces a body (under the multipart and form size limits, so that a parser
 * would really wait for it) and sends only its beginning. Spring MVC resolves multipart
 * requests lazily here, so that the endpoint, which reads no parts, leaves the body alone
 * too.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zuplo.audiences=" + AbstractGatewayTokenTests.AUDIENCE, "spring.servlet.multipart.resolve-lazily=true" })
abstract class RequestBodyNotReadTests extends AbstractGatewayTokenTests {

	private static final int ANNOUNCED_LENGTH = 256 * 1024;

	@Test
	void unfinishedUploadWithoutATokenIsAnsweredAtOnce() {
		EarlyResponse response = this.http.postUnfinished("/protected", Multipart.CONTENT_TYPE,
				Multipart.startOfUpload(Map.of("access_token", this.token)), ANNOUNCED_LENGTH);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("bearer token is required");
	}

	@Test
	void unfinishedUploadWithAnExpiredTokenIsAnsweredAtOnce() {
		EarlyResponse response = this.http.postUnfinished("/protected", Multipart.CONTENT_TYPE,
				Multipart.startOfUpload(Map.of("access_token", this.token)), ANNOUNCED_LENGTH, "Authorization",
				"Bearer " + expiredToken());

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("token expired");
	}

	@Test
	void unfinishedUploadWithAValidTokenReachesTheEndpointWithoutBeingRead() {
		EarlyResponse response = this.http.postUnfinished("/protected", Multipart.CONTENT_TYPE,
				Multipart.startOfUpload(Map.of("access_token", this.token)), ANNOUNCED_LENGTH, "Authorization",
				"Bearer " + this.token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted");
	}

	@Test
	void unfinishedFormBodyWithAValidTokenIsNotRead() {
		EarlyResponse response = this.http.postUnfinished("/protected", "application/x-www-form-urlencoded",
				"access_token=" + this.token + "&note=", ANNOUNCED_LENGTH, "Authorization", "Bearer " + this.token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("Access granted");
	}

}

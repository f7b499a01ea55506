package io.github.zuplojwt.sample;

/**
 * {@link SampleDevIssuerTests} for the sample on Spring WebFlux (Reactor Netty).
 */
class SampleDevIssuerReactiveTests extends SampleDevIssuerTests {

}

package io.github.zuplojwt.sample;

/**
 * {@link SampleOperationsTests} for the sample on Spring WebFlux (Reactor Netty).
 */
class SampleOperationsReactiveTests extends SampleOperationsTests {

}

package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link ConfiguredIssuerAndAlgorithmsTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class ConfiguredIssuerAndAlgorithmsReactiveTests extends ConfiguredIssuerAndAlgorithmsTests {

}

package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link ConfigurationMistakeTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class ConfigurationMistakeReactiveTests extends ConfigurationMistakeTests {

}

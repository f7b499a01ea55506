package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ReactiveStack;

/**
 * {@link ProtectedResourceMetadataTests} on the reactive stack (Spring WebFlux on Reactor Netty).
 */
@ReactiveStack
class ProtectedResourceMetadataReactiveTests extends ProtectedResourceMetadataTests {

}

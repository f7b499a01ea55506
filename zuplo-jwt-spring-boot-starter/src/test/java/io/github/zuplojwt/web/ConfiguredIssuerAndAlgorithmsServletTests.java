package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link ConfiguredIssuerAndAlgorithmsTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class ConfiguredIssuerAndAlgorithmsServletTests extends ConfiguredIssuerAndAlgorithmsTests {

}

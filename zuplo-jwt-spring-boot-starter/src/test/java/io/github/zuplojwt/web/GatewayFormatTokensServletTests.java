package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link GatewayFormatTokensTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class GatewayFormatTokensServletTests extends GatewayFormatTokensTests {

}

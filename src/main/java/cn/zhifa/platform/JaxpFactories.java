package cn.zhifa.platform;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Names the JDK's own XML parser and transformer factories as the JAXP system properties, before anything parses XML.
 * Without them every {@code SAXParserFactory.newInstance()} and {@code TransformerFactory.newInstance()} — XMLBeans
 * and POI call them for each part of each document they open or write — looked for another implementation through
 * {@code ServiceLoader}, scanning {@code META-INF/services} of every jar in the application: 4.8 % of the JVM's CPU in
 * a whole case (docs/performance.md, 2026-12-03). The application has no other implementation (the scan always ended
 * with the JDK's), so the same factories are used, found at once. A property already set (e.g. with {@code -D}) is
 * left as it is. Registered in {@code META-INF/spring.factories}, so it runs for the server and for tests alike.
 */
public class JaxpFactories implements EnvironmentPostProcessor {

	static final Map<String, String> JDK_FACTORIES = Map.of(
			"javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
			"javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl",
			"javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		JDK_FACTORIES.forEach((property, factory) -> {
			if (System.getProperty(property) == null) {
				System.setProperty(property, factory);
			}
		});
	}
}

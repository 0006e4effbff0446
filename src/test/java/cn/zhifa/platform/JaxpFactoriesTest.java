package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.boot.env.EnvironmentPostProcessor;

class JaxpFactoriesTest {

	private final Map<String, String> saved = new HashMap<>();

	@BeforeEach
	void clear() {
		JaxpFactories.JDK_FACTORIES.keySet().forEach(p -> saved.put(p, System.clearProperty(p)));
	}

	@AfterEach
	void restore() {
		saved.forEach((p, v) -> {
			if (v == null) {
				System.clearProperty(p);
			}
			else {
				System.setProperty(p, v);
			}
		});
	}

	@Test
	void namesTheFactoriesTheServiceLookUpWouldHaveFound() throws Exception {
		// what JAXP finds without the properties: the JDK's own (no jar of the application brings another)
		String sax = SAXParserFactory.newInstance().getClass().getName();
		String dom = DocumentBuilderFactory.newInstance().getClass().getName();
		String transformer = TransformerFactory.newInstance().getClass().getName();

		new JaxpFactories().postProcessEnvironment(new StandardEnvironment(), null);

		assertThat(System.getProperty("javax.xml.parsers.SAXParserFactory")).isEqualTo(sax);
		assertThat(System.getProperty("javax.xml.parsers.DocumentBuilderFactory")).isEqualTo(dom);
		assertThat(System.getProperty("javax.xml.transform.TransformerFactory")).isEqualTo(transformer);
		assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(sax);
		assertThat(TransformerFactory.newInstance().getClass().getName()).isEqualTo(transformer);
	}

	@Test
	void aPropertySetByTheOperatorStays() {
		System.setProperty("javax.xml.transform.TransformerFactory", "com.example.Other");
		new JaxpFactories().postProcessEnvironment(new StandardEnvironment(), null);
		assertThat(System.getProperty("javax.xml.transform.TransformerFactory")).isEqualTo("com.example.Other");
	}

	@Test
	void registeredForEveryStart() {
		assertThat(SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class, getClass().getClassLoader()))
			.contains(JaxpFactories.class.getName());
	}
}

package cn.zhifa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;

import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.spin.DataFormats;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ServiceFileCacheTest {

	/** The application's class loader, counting how often it is searched for service files and asked for classes. */
	static final class Counting extends ClassLoader {
		final AtomicInteger searches = new AtomicInteger();
		final AtomicInteger classes = new AtomicInteger();

		Counting() {
			super(ServiceFileCacheTest.class.getClassLoader());
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			if (name.startsWith("META-INF/services/")) {
				searches.incrementAndGet();
			}
			return super.getResources(name);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			classes.incrementAndGet();
			return super.loadClass(name, resolve);
		}
	}

	/**
	 * A generic type's name, as Spin asks for it before reading an object variable, is not a class: answered without
	 * searching the application's jars; Spin then reads the variable as before. Classes are loaded by the application.
	 */
	@Test
	void aGenericTypesNameIsNoClassAndIsNotSearchedFor() throws Exception {
		Counting application = new Counting();
		ServiceFileCache.Loader loader = new ServiceFileCache.Loader(application);
		assertThatThrownBy(() -> Class.forName("java.util.HashMap<java.lang.Object,java.lang.Object>", true, loader))
			.isInstanceOf(ClassNotFoundException.class);
		assertThat(application.classes.get()).isZero();
		assertThat(Class.forName(ServiceFileCacheTest.class.getName(), true, loader)).isSameAs(ServiceFileCacheTest.class);
		assertThat(Class.forName("java.util.HashMap", true, loader)).isSameAs(HashMap.class);
		assertThat(application.classes.get()).isEqualTo(2);

		ClassLoader before = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(loader);
		try {
			Object read = DataFormats.json().getMapper().mapInternalToJava(
					DataFormats.json().getReader().readInput(new StringReader("{\"a\":[1,2]}")),
					"java.util.HashMap<java.lang.Object,java.lang.Object>");
			assertThat(read).isEqualTo(Map.of("a", List.of(1, 2)));
		}
		finally {
			Thread.currentThread().setContextClassLoader(before);
		}
	}

	@Test
	void theEnginesProviderIsFoundAsBeforeAndTheJarsSearchedOnce() throws IOException {
		Counting application = new Counting();
		ServiceFileCache.Loader loader = new ServiceFileCache.Loader(application);
		Class<?> direct = ServiceLoader.load(ProcessEngineProvider.class, application).findFirst().orElseThrow().getClass();
		int before = application.searches.get();
		for (int i = 0; i < 3; i++) {
			Class<?> remembered = ServiceLoader.load(ProcessEngineProvider.class, loader).findFirst().orElseThrow().getClass();
			assertThat(remembered).isSameAs(direct);
		}
		assertThat(application.searches.get() - before).isEqualTo(1);
		String file = "META-INF/services/" + ProcessEngineProvider.class.getName();
		try (var original = application.getResource(file).openStream();
				var remembered = loader.getResources(file).nextElement().openStream()) {
			assertThat(remembered.readAllBytes()).isEqualTo(original.readAllBytes());
		}
		assertThat(loader.getResource("application.yml")).isEqualTo(application.getResource("application.yml"));
	}

	@Test
	void theRequestRunsWithTheLoaderAndTheThreadGetsItsOwnBack() throws Exception {
		ServiceFileCache filter = new ServiceFileCache();
		ClassLoader application = Thread.currentThread().getContextClassLoader();
		AtomicReference<ClassLoader> seen = new AtomicReference<>();
		filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, response) -> seen.set(Thread.currentThread().getContextClassLoader()));
		assertThat(seen.get()).isInstanceOf(ServiceFileCache.Loader.class).extracting(ClassLoader::getParent).isSameAs(application);
		assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(application);

		assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(),
				(request, response) -> {
					throw new ServletException("failed");
				})).isInstanceOf(ServletException.class);
		assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(application);
	}
}

package cn.zhifa.record;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.unit.DataSize;

/**
 * Scheduling for the periodically published head, and multipart limits for evidence uploads: parts are
 * streamed to temporary files above 1 MB, up to {@code zhifa.record.max-upload-size} (default 2 GB).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RecordConfiguration {

	@Bean
	MultipartConfigElement multipartConfigElement(@Value("${zhifa.record.max-upload-size:2GB}") DataSize maxUpload) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
		factory.setMaxFileSize(maxUpload);
		factory.setMaxRequestSize(DataSize.ofBytes(maxUpload.toBytes() + DataSize.ofMegabytes(1).toBytes()));
		return factory.createMultipartConfig();
	}
}

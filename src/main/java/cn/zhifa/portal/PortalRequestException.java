package cn.zhifa.portal;

/** A request the portal answers with 400 and a Chinese message (bad date, unknown filter value). */
class PortalRequestException extends RuntimeException {

	PortalRequestException(String message) {
		super(message);
	}
}

/**
 * Organisation: agencies (执法主体, R-QUAL-1), officers and their enforcement certificates (执法证,
 * R-QUAL-2), auxiliary staff (R-QUAL-3), and the demo organisation created at start-up.
 * Each agency is a Camunda tenant; each user belongs to role groups and per-agency role groups.
 */
package cn.zhifa.organisation;

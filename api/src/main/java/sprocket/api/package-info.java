/** Numbers every module and program shares: the API version, errno values and signal numbers (IRIX/SVR4 MIPS ABI). */
package sprocket.api;

/**
 * The kernel as its command and tools use it: discover providers ({@link sprocket.kernel.Catalog}), check a
 * configuration ({@link sprocket.kernel.KernelConfig}), boot ({@link sprocket.kernel.Kernel}) and run a program.
 */
package sprocket.kernel;

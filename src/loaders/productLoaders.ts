export interface ProductLoaders {}
